/* placeholder: filled in by the JSON core work */
#include "config.h"
