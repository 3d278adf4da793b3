/** {@code berth network}. */
package io.berth.cli.command.network;
