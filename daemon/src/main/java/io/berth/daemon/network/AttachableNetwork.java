package io.berth.daemon.network;

import io.berth.network.Netavark;
import io.berth.network.Subnet;

/**
 * A network a container can be put on: the default bridge or a user-defined bridge network.
 *
 * @param name the network's name, which keys the container's {@code NetworkSettings.Networks}
 * @param plumbing what netavark is told
 * @param pool the addresses handed out ({@code --ip-range}), or null for the whole subnet
 * @param userDefined whether containers on it get DNS names, aliases and addresses of their choice
 */
public record AttachableNetwork(String id, String name, Netavark.Network plumbing, Subnet pool, boolean userDefined) {
  public Subnet subnet() {
    return plumbing.subnet();
  }
}
