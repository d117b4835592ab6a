/* asc-field-constraints.c: the bounds and choices a field's widget shows
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"

/**
 * asc_field_get_minimum:
 * @self: an #AscField
 * @minimum: (out) (optional): return location for the lower bound
 * @exclusive: (out) (optional): return location for whether the bound
 *   itself is excluded (`exclusiveMinimum`)
 *
 * The tightest lower bound of a number, merged over `allOf`.
 *
 * Returns: %TRUE if there is a lower bound
 */
gboolean
asc_field_get_minimum (AscField *self,
                       double   *minimum,
                       gboolean *exclusive)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  if (self->spec->minimum == NULL)
    return FALSE;
  if (minimum != NULL)
    *minimum = json_node_get_double (self->spec->minimum);
  if (exclusive != NULL)
    *exclusive = self->spec->exclusive_minimum;
  return TRUE;
}

/**
 * asc_field_get_maximum:
 * @self: an #AscField
 * @maximum: (out) (optional): return location for the upper bound
 * @exclusive: (out) (optional): return location for whether the bound
 *   itself is excluded (`exclusiveMaximum`)
 *
 * Returns: %TRUE if there is an upper bound
 */
gboolean
asc_field_get_maximum (AscField *self,
                       double   *maximum,
                       gboolean *exclusive)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  if (self->spec->maximum == NULL)
    return FALSE;
  if (maximum != NULL)
    *maximum = json_node_get_double (self->spec->maximum);
  if (exclusive != NULL)
    *exclusive = self->spec->exclusive_maximum;
  return TRUE;
}

/**
 * asc_field_get_multiple_of:
 * @self: an #AscField
 *
 * Returns: the `multipleOf` of a number, or 0 when there is none
 */
double
asc_field_get_multiple_of (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), 0);

  return self->spec->multiple_of != NULL ? json_node_get_double (self->spec->multiple_of) : 0;
}

/**
 * asc_field_get_step:
 * @self: an #AscField
 *
 * The increment for a spin button: `multipleOf` if there is one, else 1
 * for integers and 0 (free) for other numbers.
 *
 * Returns: the step
 */
double
asc_field_get_step (AscField *self)
{
  double multiple = asc_field_get_multiple_of (self);

  if (multiple > 0)
    return multiple;
  return self->kind == ASC_FIELD_KIND_INTEGER ? 1 : 0;
}

/**
 * asc_field_get_min_length:
 * @self: an #AscField
 *
 * Returns: the `minLength` of a string, in characters (Unicode code
 *   points), or -1
 */
gint64
asc_field_get_min_length (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), -1);

  return self->spec->min_length;
}

/**
 * asc_field_get_max_length:
 * @self: an #AscField
 *
 * Returns: the `maxLength` of a string, in characters, or -1
 */
gint64
asc_field_get_max_length (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), -1);

  return self->spec->max_length;
}

/**
 * asc_field_get_pattern:
 * @self: an #AscField
 *
 * Returns: (nullable): the `pattern` of a string, or %NULL
 */
const char *
asc_field_get_pattern (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->pattern;
}

/**
 * asc_field_get_enum_values:
 * @self: an #AscField
 *
 * Returns: (transfer none) (nullable): the choices of an
 *   %ASC_FIELD_KIND_ENUM, or %NULL
 */
JsonArray *
asc_field_get_enum_values (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->enum_values;
}

/**
 * asc_field_get_const_value:
 * @self: an #AscField
 *
 * Returns: (transfer none) (nullable): the value of `const`, or %NULL
 */
JsonNode *
asc_field_get_const_value (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->const_value;
}

/**
 * asc_field_get_min_items:
 * @self: an #AscField
 *
 * Returns: the `minItems` of a list, or -1
 */
gint64
asc_field_get_min_items (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), -1);

  return self->spec->min_items;
}

/**
 * asc_field_get_max_items:
 * @self: an #AscField
 *
 * Returns: the `maxItems` of a list, or -1
 */
gint64
asc_field_get_max_items (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), -1);

  return self->spec->max_items;
}

/**
 * asc_field_get_unique_items:
 * @self: an #AscField
 *
 * Returns: %TRUE if the items of a list must differ (`uniqueItems`)
 */
gboolean
asc_field_get_unique_items (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->spec->unique_items;
}
