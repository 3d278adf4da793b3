package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Docker's {@code Resources}: the part of HostConfig that {@code update} may change, inlined in
 * HostConfig on the wire. The lists Berth does not act on (block I/O, devices) are echoed as sent.
 */
public record Resources(
    @JsonProperty("CpuShares") long cpuShares,
    @JsonProperty("Memory") long memory,
    @JsonProperty("NanoCpus") long nanoCpus,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("BlkioWeight") int blkioWeight,
    @JsonProperty("BlkioWeightDevice") List<Object> blkioWeightDevice,
    @JsonProperty("BlkioDeviceReadBps") List<Object> blkioDeviceReadBps,
    @JsonProperty("BlkioDeviceWriteBps") List<Object> blkioDeviceWriteBps,
    @JsonProperty("BlkioDeviceReadIOps") List<Object> blkioDeviceReadIOps,
    @JsonProperty("BlkioDeviceWriteIOps") List<Object> blkioDeviceWriteIOps,
    @JsonProperty("CpuPeriod") long cpuPeriod,
    @JsonProperty("CpuQuota") long cpuQuota,
    @JsonProperty("CpuRealtimePeriod") long cpuRealtimePeriod,
    @JsonProperty("CpuRealtimeRuntime") long cpuRealtimeRuntime,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("Devices") List<Object> devices,
    @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
    @JsonProperty("DeviceRequests") List<Object> deviceRequests,
    @JsonProperty("MemoryReservation") long memoryReservation,
    @JsonProperty("MemorySwap") long memorySwap,
    @JsonProperty("MemorySwappiness") Long memorySwappiness,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits") List<HostConfig.Ulimit> ulimits,
    @JsonProperty("CpuCount") long cpuCount,
    @JsonProperty("CpuPercent") long cpuPercent,
    @JsonProperty("IOMaximumIOps") long ioMaximumIOps,
    @JsonProperty("IOMaximumBandwidth") long ioMaximumBandwidth) {

  /** No limits at all: what a create request without any gets. */
  public static final Resources NONE = new Resources(0, 0, 0, "", 0, null, null, null, null, null, 0, 0, 0, 0, "", "",
      null, null, null, 0, 0, null, null, null, null, 0, 0, 0, 0);

  /** The same with the limits Berth enforces replaced (what {@code update} changes). */
  public Resources withLimits(long cpuShares, long memory, long nanoCpus, long cpuPeriod, long cpuQuota,
      String cpusetCpus, String cpusetMems, long memoryReservation, long memorySwap, Long memorySwappiness,
      Boolean oomKillDisable, Long pidsLimit) {
    return new Resources(cpuShares, memory, nanoCpus, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests,
        memoryReservation, memorySwap, memorySwappiness, oomKillDisable, pidsLimit, ulimits, cpuCount, cpuPercent,
        ioMaximumIOps, ioMaximumBandwidth);
  }
}
