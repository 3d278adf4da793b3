/** {@code berth login} and {@code berth logout}. */
package io.berth.cli.command.registry;
