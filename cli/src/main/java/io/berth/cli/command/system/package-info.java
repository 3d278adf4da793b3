/**
 * The system verbs: version and info, and the inspect verb that accepts any object name and
 * tries containers first, then images.
 */
package io.berth.cli.command.system;
