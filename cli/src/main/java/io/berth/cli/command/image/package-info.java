/**
 * The image verbs: images, rmi, tag, import, pull and Berth's bootstrap, with docker's table
 * layout and progress display.
 */
package io.berth.cli.command.image;
