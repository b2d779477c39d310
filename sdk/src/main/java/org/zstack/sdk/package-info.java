/**
 * Java SDK for the ZStack-compatible V2V service, speaking ZStack's REST wire protocol.
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
