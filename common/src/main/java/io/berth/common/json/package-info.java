/**
 * The one JSON mapper: records, absent fields omitted, unknown input fields ignored.
 */
package io.berth.common.json;
