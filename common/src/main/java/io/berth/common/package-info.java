/**
 * Values every module shares: ids, digests, mounts to perform, human-readable durations. Depends on the JDK and Jackson only.
 */
package io.berth.common;
