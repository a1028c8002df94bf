package org.gridcc.live;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads a {@link StreamEvent} from the Kafka topic (JSON, as the service's ObjectMapper wrote it). */
public class StreamEventDeserializer extends ObjectMapperDeserializer<StreamEvent> {

    public StreamEventDeserializer() {
        super(StreamEvent.class);
    }
}
