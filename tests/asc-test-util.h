/* asc-test-util.h: helpers shared by the test programs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef gboolean (*AscTestCondition) (gpointer user_data);

gboolean  asc_test_wait_until      (AscTestCondition  condition,
                                    gpointer          user_data,
                                    guint             timeout_ms);
JsonNode *asc_test_json_parse      (const char       *text);
JsonNode *asc_test_json_load       (const char       *path);
char     *asc_test_json_to_string  (JsonNode         *node);
void      asc_test_drain           (void);
void      asc_test_remove_tree     (const char       *path);
void      asc_test_assert_json_eq  (JsonNode         *actual,
                                    const char       *expected_text);
char     *asc_test_nested_arrays   (guint             levels);

G_END_DECLS
