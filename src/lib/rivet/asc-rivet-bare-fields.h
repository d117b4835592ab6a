/* asc-rivet-bare-fields.h: BARE fields of Rivet frames, read into JSON
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-bare.h"
#include "asc-cbor.h"

G_BEGIN_DECLS

JsonNode *_asc_rivet_json_uint                  (guint64          value);
gboolean  _asc_rivet_bare_read_cbor             (AscBareReader   *reader,
                                                 JsonNode       **value,
                                                 GError         **error);
gboolean  _asc_rivet_bare_read_optional_cbor    (AscBareReader   *reader,
                                                 JsonNode       **value,
                                                 GError         **error);
gboolean  _asc_rivet_bare_read_cbor_cached      (AscBareReader   *reader,
                                                 AscCborCache    *cache,
                                                 JsonNode       **value,
                                                 GError         **error);
gboolean  _asc_rivet_bare_read_optional_cbor_cached (AscBareReader   *reader,
                                                     AscCborCache    *cache,
                                                     JsonNode       **value,
                                                     GError         **error);
gboolean  _asc_rivet_bare_read_optional_bytes   (AscBareReader   *reader,
                                                 GBytes         **value,
                                                 GError         **error);
gboolean  _asc_rivet_bare_read_optional_string  (AscBareReader   *reader,
                                                 char           **value,
                                                 GError         **error);
gboolean  _asc_rivet_bare_read_string_list      (AscBareReader   *reader,
                                                 GStrv           *value,
                                                 GError         **error);

G_END_DECLS
