/**
 * Command-line flags with the behaviour and wording of docker's pflag parser:
 * clustered short flags, repeatable values, {@code --flag=false}, options stopping at the image
 * for {@code run}, and errors such as {@code unknown flag: --foo}.
 */
package io.berth.cli.flags;
