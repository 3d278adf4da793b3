/**
 * The {@code berth} command line: global options, dispatch on the command words to the one verb
 * being run (nothing else is loaded), docker's usage errors and exit codes, and the context
 * commands share (streams, environment, a lazily connected daemon client).
 */
package io.berth.cli;
