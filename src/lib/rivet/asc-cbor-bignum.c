/* asc-cbor-bignum.c: CBOR bignum magnitudes to and from decimal text
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tag 2 carries n and tag 3 carries -1 - n, n being an unsigned big-endian
 * byte string (RFC 8949 §3.4.3). JSON-compat writes the value in decimal.
 * Both conversions are quadratic, which ASC_CBOR_MAX_BIGNUM_BYTES bounds.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <string.h>

#include "asc-cbor.h"
#include "asc-cbor-private.h"

/* Digits of 256^ASC_CBOR_MAX_BIGNUM_BYTES - 1: 4096 * log10 (256), plus one.
 * Longer text cannot fit; text this long may not either, checked after. */
#define MAX_DECIMAL_DIGITS 9865

/* Divides the big-endian number in @data[@start..@length] by 10^9 in place. */
static guint32
divide_by_billion (guint8 *data,
                   gsize   start,
                   gsize   length)
{
  guint64 remainder = 0;

  for (gsize i = start; i < length; i++)
    {
      guint64 current = (remainder << 8) | data[i];

      data[i] = (guint8) (current / 1000000000);
      remainder = current % 1000000000;
    }

  return (guint32) remainder;
}

static gsize
skip_zeros (const guint8 *data,
            gsize         start,
            gsize         length)
{
  while (start < length && data[start] == 0)
    start++;

  return start;
}

/**
 * _asc_cbor_bignum_to_decimal:
 * @bytes: (array length=length): n, big-endian, leading zeros allowed
 * @length: its length
 * @negative: whether the tag was 3, so the value is -1 - n
 *
 * Returns: (transfer full): the value in decimal
 */
char *
_asc_cbor_bignum_to_decimal (const guint8 *bytes,
                             gsize         length,
                             gboolean      negative)
{
  g_autoptr(GByteArray) work = g_byte_array_sized_new (length + 1);
  g_autoptr(GString) digits = g_string_new (NULL);
  gsize start;

  /* A spare leading byte takes the carry of n + 1. */
  g_byte_array_append (work, (const guint8 *) "", 1);
  g_byte_array_append (work, bytes, length);
  for (gsize i = work->len; negative && i-- > 0; )
    if (++work->data[i] != 0)
      break;

  /* Nine digits at a time, least significant first. */
  start = skip_zeros (work->data, 0, work->len);
  while (start < work->len)
    {
      guint32 chunk = divide_by_billion (work->data, start, work->len);

      for (guint i = 0; i < 9; i++, chunk /= 10)
        g_string_append_c (digits, '0' + chunk % 10);
      start = skip_zeros (work->data, start, work->len);
    }

  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
  if (digits->len == 0)
    g_string_append_c (digits, '0');
  if (negative)
    g_string_append_c (digits, '-');
  g_strreverse (digits->str);

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* @number is little-endian; subtracts one from a non-zero value. */
static void
decrement (GByteArray *number)
{
  for (guint i = 0; i < number->len; i++)
    if (number->data[i]-- != 0)
      break;
}

static void
multiply_add (GByteArray *number,
              guint       digit)
{
  guint carry = digit;

  for (guint i = 0; i < number->len; i++)
    {
      guint value = number->data[i] * 10 + carry;

      number->data[i] = value & 0xff;
      carry = value >> 8;
    }

  if (carry != 0)
    {
      guint8 byte = carry;

      g_byte_array_append (number, &byte, 1);
    }
}

/**
 * _asc_cbor_decimal_to_bignum:
 * @text: `-?[0-9]+`
 * @magnitude: (out caller-allocates): receives n, big-endian and minimal
 *   (empty for zero)
 * @negative: (out): whether to use tag 3, in which case n = -1 - value
 *
 * Returns: %FALSE when @text is not a decimal integer or is too long
 */
gboolean
_asc_cbor_decimal_to_bignum (const char *text,
                             GByteArray *magnitude,
                             gboolean   *negative)
{
  g_autoptr(GByteArray) number = g_byte_array_new ();
  const char *digits = text[0] == '-' ? text + 1 : text;
  gsize n_digits = strlen (digits);

  if (n_digits == 0 || n_digits > MAX_DECIMAL_DIGITS ||
      strspn (digits, "0123456789") != n_digits)
    return FALSE;

  for (gsize i = 0; i < n_digits; i++)
    multiply_add (number, digits[i] - '0');
  while (number->len > 0 && number->data[number->len - 1] == 0)
    g_byte_array_set_size (number, number->len - 1);

  /* "-0" is zero, which only tag 2 can hold. */
  *negative = text[0] == '-' && number->len > 0;
  if (*negative)
    decrement (number);
  while (number->len > 0 && number->data[number->len - 1] == 0)
    g_byte_array_set_size (number, number->len - 1);

  g_byte_array_set_size (magnitude, 0);
  for (guint i = number->len; i-- > 0; )
    g_byte_array_append (magnitude, &number->data[i], 1);

  return magnitude->len <= ASC_CBOR_MAX_BIGNUM_BYTES;
}
