/** A container's resource usage as its cgroup counts it: cgroup v1 here, v2 behind the same interface. */
package io.berth.runtime.cgroup;
