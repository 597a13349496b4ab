/**
 * The events on Tunestream's topics: past-tense records that validate themselves in their compact
 * constructors (a malformed event fails to deserialize and is dead-lettered) and copy their
 * collections. Every event carries {@code schemaVersion} and its study id, the record key.
 */
package io.tunestream.contracts.events;
