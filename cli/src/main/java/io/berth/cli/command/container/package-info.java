/**
 * The container verbs: run, create, start, stop, kill, restart, rm, ps and logs, each with
 * docker's flags, output and exit codes, plus the attach-wait-start sequence run shares with
 * start -a.
 */
package io.berth.cli.command.container;
