/* asc-schema-number.c: exact number comparisons for the numeric keywords
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-schema-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TWO_TO_63 9223372036854775808.0

static int
compare_int_double (gint64 i,
                    double d)
{
  gint64 whole;
  double fraction;

  if (d >= TWO_TO_63)
    return -1;
  if (d < -TWO_TO_63)
    return 1;

  /* Exact from here: |d| < 2^63, and any double from 2^53 on is whole. */
  whole = (gint64) d;
  if (i != whole)
    return i < whole ? -1 : 1;
  fraction = d - (double) whole;
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

/* Returns <0, 0 or >0 as @a is less than, equal to or greater than @b,
 * exactly: 2^53 + 1 is greater than 2^53 even though no double holds it. */
int
_asc_schema_compare_numbers (JsonNode *a,
                             JsonNode *b)
{
  gboolean a_int = json_node_get_value_type (a) == G_TYPE_INT64;
  gboolean b_int = json_node_get_value_type (b) == G_TYPE_INT64;
  double x, y;

  if (a_int && b_int)
    return json_node_get_int (a) < json_node_get_int (b) ? -1 :
           json_node_get_int (a) > json_node_get_int (b) ? 1 : 0;
  if (a_int)
    return compare_int_double (json_node_get_int (a), json_node_get_double (b));
  if (b_int)
    return -compare_int_double (json_node_get_int (b), json_node_get_double (a));

  x = json_node_get_double (a);
  y = json_node_get_double (b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/* Writes a finite @number as @digits × 10^@exponent, using the shortest
 * decimal text that reads back as the same double: 0.01 is 1 × 10^-2. */
static gboolean
decompose (JsonNode *number,
           gint64   *digits,
           int      *exponent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) mantissa = g_string_new (NULL);
  double value;
  char *e;

  if (json_node_get_value_type (number) == G_TYPE_INT64)
    {
      *digits = json_node_get_int (number);
      *exponent = 0;
      return TRUE;
    }

  value = json_node_get_double (number);
  if (!isfinite (value))
    return FALSE;

  for (int precision = 14; precision <= 16; precision++)
    {
      g_snprintf (buffer, sizeof buffer, "%.*e", precision, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* buffer is “-d.ddddde±xx”: keep the digits, then trim trailing zeros. */
  e = strchr (buffer, 'e');
  *exponent = atoi (e + 1);
  for (char *p = buffer; p < e; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (mantissa, *p);
  *exponent -= (int) mantissa->len - 1;
  while (mantissa->len > 1 && mantissa->str[mantissa->len - 1] == '0')
    {
      g_string_truncate (mantissa, mantissa->len - 1);
      (*exponent)++;
    }

  *digits = g_ascii_strtoll (mantissa->str, NULL, 10) * (value < 0 ? -1 : 1);
  return TRUE;
}

/* Multiplies @value by 10^@power; FALSE on overflow. */
static gboolean
scale (guint64  value,
       int      power,
       guint64 *result)
{
  for (int i = 0; i < power; i++)
    if (!g_uint64_checked_mul (&value, value, 10))
      return FALSE;

  *result = value;
  return TRUE;
}

/*
 * Whether @number is an integer multiple of @divisor. Both are taken as
 * the decimals they were written as, so 0.0075 is a multiple of 0.0001
 * even though neither is exact in binary. Values too far apart to scale
 * fall back to floating-point division, where an infinite quotient (1e308
 * over 0.123456789) is no multiple.
 */
gboolean
_asc_schema_is_multiple (JsonNode *number,
                         JsonNode *divisor)
{
  gint64 a, b;
  int ea, eb, e;
  guint64 x, y;
  double quotient;

  if (decompose (number, &a, &ea) && decompose (divisor, &b, &eb) && b != 0)
    {
      e = MIN (ea, eb);
      if (a == 0)
        return TRUE;
      if (a != G_MININT64 && b != G_MININT64 &&
          scale ((guint64) ABS (a), ea - e, &x) &&
          scale ((guint64) ABS (b), eb - e, &y))
        return x % y == 0;
    }

  quotient = json_node_get_double (number) / json_node_get_double (divisor);
  if (!isfinite (quotient))
    return FALSE;
  if (ABS (quotient) >= 9007199254740992.0)
    return TRUE;
  return ABS (quotient - (double) (gint64) (quotient + (quotient < 0 ? -0.5 : 0.5))) <=
         1e-9 * MAX (1.0, ABS (quotient));
}
