/*
 * escape.h - text from articles, gold and backends made safe for each output.
 *
 * Every string that comes from an article, a gold file or a backend goes
 * through one of these before it reaches HTML, XML, CSV or Markdown, so
 * that `<script>`, `]]>`, quotes, commas and newlines show as text.
 */
#ifndef FB_ESCAPE_H
#define FB_ESCAPE_H

#include "buf.h"

/* HTML text and attribute values: & < > " ' as entities. */
void escape_html(struct buf *out, const char *s);

/*
 * XML 1.0 text and attributes: as HTML, and characters XML cannot hold
 * (control characters other than tab and newline) as U+FFFD.
 */
void escape_xml(struct buf *out, const char *s);

/*
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF,
 * with quotes doubled; a field that a spreadsheet would take for a formula
 * (starting with = + - @ or a tab) gets a leading ' so it stays text.
 */
void escape_csv(struct buf *out, const char *s);

/*
 * Text in a Markdown table cell: | and \ and backticks escaped, < and > as
 * entities (no raw HTML), newlines as blanks.
 */
void escape_md(struct buf *out, const char *s);

#endif
