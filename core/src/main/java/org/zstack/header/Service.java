package org.zstack.header;

import org.zstack.header.message.Message;

/** A component that receives messages addressed to its id on the CloudBus. */
public interface Service extends Component {
    void handleMessage(Message msg);

    /** The plain service id, e.g. "zone"; the bus makes it node-local. */
    String getId();
}
