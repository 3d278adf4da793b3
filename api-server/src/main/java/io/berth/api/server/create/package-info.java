/** What Berth does with each field of a create request: the table of enforced and refused fields, and the check that applies it. */
package io.berth.api.server.create;
