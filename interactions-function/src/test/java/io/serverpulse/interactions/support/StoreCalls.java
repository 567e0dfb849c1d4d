package io.serverpulse.interactions.support;

import io.serverpulse.common.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A store that records which of its methods were called, in order, and passes every call on. */
public final class StoreCalls {

    /** The methods of the port that change what is stored. */
    public static final Set<String> WRITES = Set.of("saveSettings", "apply", "recordMemberEvents", "saveAlert", "saveSummary",
            "saveLeaderboard", "eraseGuild", "eraseMember", "sweepExpired", "restampExpiry");

    private final List<String> calls = new ArrayList<>();
    private final Store store;

    public StoreCalls(Store delegate) {
        this.store = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("close") && !method.getName().equals("describe")) {
                        synchronized (calls) {
                            calls.add(method.getName());
                        }
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public Store store() {
        return store;
    }

    public List<String> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<String> writes() {
        return all().stream().filter(WRITES::contains).toList();
    }

    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
