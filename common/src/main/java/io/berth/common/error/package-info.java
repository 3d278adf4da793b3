/**
 * The engine's error categories as a sealed exception family, carrying Docker's messages; the HTTP status is decided at the API edge only.
 */
package io.berth.common.error;
