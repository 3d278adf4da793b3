/**
 * Image names as Docker understands them: parsing, normalisation to {@code docker.io/library/x} and
 * back to the familiar form that the engine stores and prints, and Docker's validation messages.
 * Pure value code; depends only on {@code io.berth.common}.
 */
package io.berth.image.reference;
