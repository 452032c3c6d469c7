/**
 * Field parsers of the FOCUS reading hot path: decimals, timestamps, tags and the UTF-8/control-character check, each
 * working on bytes in place. Internal: not exported by the module; the public way in is {@code core.focus}.
 */
package dev.costagent.core.focus.parse;
