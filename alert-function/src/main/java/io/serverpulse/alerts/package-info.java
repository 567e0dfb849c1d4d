/**
 * {@code alert-function} (AWS mode): {@code post} puts an alert into a guild's update channel through
 * Discord's REST API (transport-free), {@code queue} delivers a batch of the alert FIFO queue in order
 * per guild with a partial batch response, {@code drops} is the hourly activity-drop check of every
 * guild, {@code lambda} holds the two thin Lambda handlers and their wiring.
 */
package io.serverpulse.alerts;
