package dev.costagent.llm.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener registered through ServiceLoader in the test resources; it records every event it is told. */
public final class RecordingCallListener implements LlmCallListener {

    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(Request request) {
        EVENTS.add(request);
    }

    @Override
    public void onResponse(Response response) {
        EVENTS.add(response);
    }

    @Override
    public void onError(Failure failure) {
        EVENTS.add(failure);
    }
}
