/* placeholder: filled in by the JSON core work */
#pragma once
