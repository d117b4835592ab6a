/* fuzz-json-patch.c: fuzz target for asc_json_patch_apply_full()
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a JSON document on its first line and a JSON patch after it.
 * The patch is applied strictly and leniently, to a mutable and to a sealed
 * copy of the document. A failure must leave the document exactly as it was;
 * a success must give a normalized patch that replays strictly, and a diff
 * from the old to the new document that round-trips.
 */

#include "config.h"

#include "asc-json-diff.h"
#include "asc-json-patch.h"
#include "fuzz-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
check_replays (JsonNode *old,
               JsonNode *patch,
               JsonNode *result)
{
  g_autoptr(JsonNode) replay = asc_json_copy (old);
  g_autoptr(GError) error = NULL;

  CHECK (asc_json_patch_apply (&replay, patch, &error));
  CHECK (asc_json_equal (replay, result));
}

static void
check_one (JsonNode          *original,
           JsonNode          *patch,
           AscJsonPatchFlags  flags,
           gboolean           sealed)
{
  g_autoptr(JsonNode) doc = asc_json_copy (original);
  g_autoptr(JsonNode) kept = NULL;
  g_autoptr(JsonNode) normalized = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  JsonNode *root;

  if (sealed)
    json_node_seal (doc);
  kept = json_node_ref (doc);
  root = doc;
  before = json_to_string (doc, FALSE);

  if (!asc_json_patch_apply_full (&doc, patch, flags, &normalized, &error))
    {
      g_autofree char *after = json_to_string (doc, FALSE);

      CHECK (error != NULL && error->domain == ASC_ERROR && error->message[0] != '\0');
      CHECK (normalized == NULL);
      CHECK (doc == root);
      CHECK (strcmp (before, after) == 0);
      return;
    }

  CHECK (error == NULL);
  check_replays (original, normalized, doc);

  {
    g_autoptr(JsonNode) diff = asc_json_diff (original, doc);

    check_replays (original, diff, doc);
  }

  /* A sealed original is never changed, even on success. */
  if (sealed)
    {
      g_autofree char *after = json_to_string (kept, FALSE);

      CHECK (strcmp (before, after) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *newline = memchr (text, '\n', size);
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) patch = NULL;
  gsize doc_length;

  fuzz_make_warnings_fatal ();

  if (newline == NULL)
    return 0;
  doc_length = newline - text;

  doc = fuzz_parse_json (text, doc_length);
  patch = fuzz_parse_json (newline + 1, size - doc_length - 1);
  if (doc == NULL || patch == NULL)
    return 0;

  for (guint mode = 0; mode < 4; mode++)
    check_one (doc, patch,
               mode & 1 ? ASC_JSON_PATCH_LENIENT : ASC_JSON_PATCH_FLAGS_NONE,
               mode >= 2);

  return 0;
}
