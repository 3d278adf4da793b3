/** Networks as the API shows them. */
package io.berth.daemon.network;
