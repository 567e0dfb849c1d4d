/**
 * {@code alert-function} (AWS mode): {@code post} reads the collector's payload and hands it to
 * {@code common}'s alert poster (the one both modes post with), {@code queue} delivers a batch of the
 * alert FIFO queue in order per guild with a partial batch response, {@code drops} is the hourly
 * activity-drop check of every guild, {@code lambda} holds the two thin Lambda handlers and their wiring.
 */
package io.serverpulse.alerts;
