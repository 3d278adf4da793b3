/** Registry credentials as the docker CLI keeps them: {@code config.json} and credential helpers. */
package io.berth.cli.auth;
