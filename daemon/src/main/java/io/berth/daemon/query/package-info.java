/**
 * List and inspect: renders container snapshots as Docker's wire records, the one place Docker's state booleans and status texts come from.
 */
package io.berth.daemon.query;
