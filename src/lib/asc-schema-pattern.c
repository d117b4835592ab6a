/* asc-schema-pattern.c: ECMA-262 patterns as GRegex (PCRE) patterns
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-schema-private.h"

#include <string.h>

/*
 * Patterns are ECMA-262 regular expressions (with the “u” flag), GRegex's
 * are PCRE's. Where the two read the same text differently, the pattern is
 * rewritten into PCRE that means what ECMA-262 says:
 *
 *  - \d, \w and \b are ASCII-only in ECMA-262 (GRegex makes them Unicode),
 *    \s is ECMA-262's own set of spaces, and . stops at four line ends;
 *  - \uXXXX (with surrogate pairs) and \u{X…} name code points;
 *  - [] matches nothing, [^] anything, and “[” inside a class is itself;
 *  - \p{Letter} and \p{Script=Greek} take their long and key=value forms;
 *  - $ matches at the very end only (G_REGEX_DOLLAR_ENDONLY).
 */
#define ECMA_WORD "A-Za-z0-9_"
#define ECMA_NOT_DIGIT "\\x{0}-\\x{2F}\\x{3A}-\\x{10FFFF}"
#define ECMA_NOT_WORD "\\x{0}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{5E}\\x{60}\\x{7B}-\\x{10FFFF}"
#define ECMA_SPACE \
  "\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}" \
  "\\x{205F}\\x{3000}\\x{FEFF}"
#define ECMA_NOT_SPACE \
  "\\x{0}-\\x{8}\\x{E}-\\x{1F}\\x{21}-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}" \
  "\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}" \
  "\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}"
#define ECMA_WORD_BOUNDARY \
  "(?:(?<=[" ECMA_WORD "])(?![" ECMA_WORD "])|(?<![" ECMA_WORD "])(?=[" ECMA_WORD "]))"
#define ECMA_NOT_WORD_BOUNDARY \
  "(?:(?<=[" ECMA_WORD "])(?=[" ECMA_WORD "])|(?<![" ECMA_WORD "])(?![" ECMA_WORD "]))"

/* The long names of the general categories, which PCRE does not know. */
static const char *
short_category (const char *name)
{
  static const char * const names[] = {
    "Letter", "L", "Cased_Letter", "LC", "Uppercase_Letter", "Lu",
    "Lowercase_Letter", "Ll", "Titlecase_Letter", "Lt", "Modifier_Letter", "Lm",
    "Other_Letter", "Lo", "Mark", "M", "Combining_Mark", "M", "Nonspacing_Mark", "Mn",
    "Spacing_Mark", "Mc", "Enclosing_Mark", "Me", "Number", "N", "Decimal_Number", "Nd",
    "digit", "Nd", "Letter_Number", "Nl", "Other_Number", "No", "Punctuation", "P",
    "punct", "P", "Connector_Punctuation", "Pc", "Dash_Punctuation", "Pd",
    "Open_Punctuation", "Ps", "Close_Punctuation", "Pe", "Initial_Punctuation", "Pi",
    "Final_Punctuation", "Pf", "Other_Punctuation", "Po", "Symbol", "S",
    "Math_Symbol", "Sm", "Currency_Symbol", "Sc", "Modifier_Symbol", "Sk",
    "Other_Symbol", "So", "Separator", "Z", "Space_Separator", "Zs",
    "Line_Separator", "Zl", "Paragraph_Separator", "Zp", "Other", "C", "Control", "Cc",
    "cntrl", "Cc", "Format", "Cf", "Surrogate", "Cs", "Private_Use", "Co",
    "Unassigned", "Cn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i += 2)
    if (g_str_equal (name, names[i]))
      return names[i + 1];

  return name;
}

/* Copies the property of \p{…} at @p (just after the “{”), in PCRE's
 * spelling; returns the position after the “}”. */
static const char *
translate_property (GString    *out,
                    const char *p)
{
  const char *end = strchr (p, '}');
  g_autofree char *name = NULL;
  const char *value;

  if (end == NULL)
    {
      g_string_append (out, p);
      return p + strlen (p);
    }

  name = g_strndup (p, end - p);
  value = strchr (name, '=');
  /* PCRE names scripts alone, and matches by script extensions. */
  value = value != NULL ? value + 1 : name;
  g_string_append_printf (out, "%s}", short_category (value));
  return end + 1;
}

/* Reads the hex digits of \uXXXX at @p; -1 when there are not four. */
static gint
read_hex4 (const char *p)
{
  gint value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* Translates \u escapes at @p (just after “\u”); returns the position
 * after them, or NULL when they are not one. */
static const char *
translate_unicode (GString    *out,
                   const char *p,
                   gboolean    in_class)
{
  gint high, low;

  if (*p == '{')
    {
      const char *end = strchr (p, '}');

      if (end == NULL)
        return NULL;
      g_string_append_printf (out, "\\x%.*s", (int) (end - p + 1), p);
      return end + 1;
    }

  high = read_hex4 (p);
  if (high < 0)
    return NULL;
  p += 4;
  if (high >= 0xD800 && high < 0xDC00 && p[0] == '\\' && p[1] == 'u' &&
      (low = read_hex4 (p + 2)) >= 0xDC00 && low < 0xE000)
    {
      high = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
      p += 6;
    }

  /* A lone surrogate is no character of any UTF-8 string. */
  if (high >= 0xD800 && high < 0xE000)
    g_string_append (out, in_class ? "" : "(?!)");
  else
    g_string_append_printf (out, "\\x{%X}", (guint) high);
  return p;
}

/* Translates the escape at @p (just after the backslash). */
static const char *
translate_escape (GString    *out,
                  const char *p,
                  gboolean    in_class)
{
  const char *set = NULL;
  gboolean negated = FALSE;
  const char *next;

  switch (*p)
    {
    case 'd': set = "0-9"; break;
    case 'D': set = ECMA_NOT_DIGIT; break;
    case 'w': set = ECMA_WORD; break;
    case 'W': set = ECMA_NOT_WORD; break;
    case 's': set = ECMA_SPACE; break;
    case 'S': set = in_class ? ECMA_NOT_SPACE : ECMA_SPACE; negated = !in_class; break;
    case 'b':
      g_string_append (out, in_class ? "\\x{8}" : ECMA_WORD_BOUNDARY);
      return p + 1;
    case 'B':
      g_string_append (out, in_class ? "B" : ECMA_NOT_WORD_BOUNDARY);
      return p + 1;
    case 'u':
      next = translate_unicode (out, p + 1, in_class);
      if (next != NULL)
        return next;
      g_string_append_c (out, 'u');
      return p + 1;
    case 'p':
    case 'P':
      if (p[1] == '{')
        {
          g_string_append_printf (out, "\\%c{", *p);
          return translate_property (out, p + 2);
        }
      break;
    case '\0':
      g_string_append_c (out, '\\');
      return p;
    default:
      break;
    }

  if (set != NULL)
    {
      if (in_class)
        g_string_append (out, set);
      else
        g_string_append_printf (out, negated ? "[^%s]" : "[%s]", set);
      return p + 1;
    }

  /* Any other escape reads the same in both, such as \. or \x41; copy
   * the whole character, which may be longer than a byte. */
  next = g_utf8_next_char (p);
  g_string_append_c (out, '\\');
  g_string_append_len (out, p, next - p);
  return next;
}

/**
 * _asc_schema_ecma_to_pcre:
 * @source: an ECMA-262 pattern
 *
 * Returns: (transfer full): the PCRE pattern that matches the same strings
 */
char *
_asc_schema_ecma_to_pcre (const char *source)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean in_class = FALSE;
  const char *p = source;

  while (*p != '\0')
    {
      if (*p == '\\')
        p = translate_escape (out, p + 1, in_class);
      else if (in_class)
        {
          /* “[” is itself in an ECMA-262 class, but may open a POSIX class
           * such as [:alpha:] in PCRE. */
          if (*p == '[')
            g_string_append (out, "\\[");
          else
            g_string_append_c (out, *p);
          in_class = *p != ']';
          p++;
        }
      else if (g_str_has_prefix (p, "[]"))
        {
          g_string_append (out, "(?!)");
          p += 2;
        }
      else if (g_str_has_prefix (p, "[^]"))
        {
          g_string_append (out, "[\\x{0}-\\x{10FFFF}]");
          p += 3;
        }
      else if (*p == '[')
        {
          in_class = TRUE;
          g_string_append_c (out, *p++);
          if (*p == '^')
            g_string_append_c (out, *p++);
        }
      else if (*p == '.')
        {
          g_string_append (out, "[^\\n\\r\\x{2028}\\x{2029}]");
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
