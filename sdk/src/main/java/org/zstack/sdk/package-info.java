/**
 * Java SDK for the ZStack-compatible V2V service, speaking ZStack's REST wire protocol.
 * <p>
 * The runtime (ZSClient, ZSConfig, AbstractAction, QueryAction, ApiResult, ...) is hand-written; an action and a
 * result class per API, the inventories and SourceClassMap are generated from the server's API classes by apigen
 * at each build (their first line says so).
 * <pre>{@code
 * ZSClient.configure(new ZSConfig.Builder().setHostname("mn").setPort(8080).build());
 *
 * LogInByAccountAction login = new LogInByAccountAction();
 * login.accountName = "admin";
 * login.password = "password";             // sent as its SHA-512 hex digest
 * String session = login.call().throwExceptionIfError().value.inventory.uuid;
 *
 * QueryZoneAction q = new QueryZoneAction();
 * q.sessionId = session;
 * q.conditions = List.of("name=zone1");
 * QueryZoneAction.Result r = q.call();     // r.error, or r.value.inventories (ZoneInventory items)
 * }</pre>
 */
package org.zstack.sdk;
