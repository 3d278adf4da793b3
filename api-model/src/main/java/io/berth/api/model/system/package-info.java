/**
 * System wire records: version and info.
 */
package io.berth.api.model.system;
