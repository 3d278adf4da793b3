/**
 * Output formatting with docker's exact rules: a Go text/template engine for {@code --format},
 * Go's text/tabwriter column layout, go-units durations and sizes, and Go-style JSON printing, so
 * that berth's tables and templates produce the same bytes as the docker CLI.
 */
package io.berth.cli.format;
