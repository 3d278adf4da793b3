/** {@code berth volume}: create, ls, rm and prune, as docker's volume commands. */
package io.berth.cli.command.volume;
