package org.zstack.header.message;

/** Something published on the bus for whoever subscribed to it. */
public abstract class Event extends Message {
}
