package org.nwh.orders;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;

/** Sends ORM^O01 orders from the EHR to the radiology information system. */
public class OrderSender implements AutoCloseable {
    private final HapiContext context = new DefaultHapiContext();
    private final Connection connection;

    public OrderSender(String risHost, int risPort) throws Exception {
        this.connection = context.newClient(risHost, risPort, false);
    }

    public Message send(Message order) throws Exception {
        Initiator initiator = connection.getInitiator();
        return initiator.sendAndReceive(order);
    }

    @Override
    public void close() throws Exception {
        connection.close();
        context.close();
    }
}
