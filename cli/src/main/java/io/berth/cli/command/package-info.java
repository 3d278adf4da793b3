/**
 * Helpers shared by the verbs: acting on several named objects at once with docker's error
 * reporting, and the container and image references users type.
 */
package io.berth.cli.command;
