package org.zstack.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.header.AbstractService;
import org.zstack.header.apimediator.ApiMessageInterceptor;
import org.zstack.header.apimediator.GlobalApiMessageInterceptor;
import org.zstack.header.apimediator.StopRoutingException;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.Message;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

import static org.zstack.core.Platform.argerr;

/**
 * The API portal ("api.portal"): every API message from the REST server comes here first, passes the global
 * interceptors (session, parameter validation) and its own, then goes on to the service conf/serviceConfig names.
 */
public class ApiMediator extends AbstractService {
    private static final Logger logger = LoggerFactory.getLogger(ApiMediator.class);
    public static final String SERVICE_ID = "api.portal";

    @Autowired
    private CloudBus bus;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private ServiceConfig serviceConfig;

    private final Map<Class<?>, List<ApiMessageInterceptor>> chains = new ConcurrentHashMap<>();

    @Override
    public String getId() {
        return SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (!(msg instanceof APIMessage api)) {
            bus.dealWithUnknownMessage(msg);
            return;
        }
        ServiceConfig.ApiRoute route = serviceConfig.route(api.getClass());
        if (route == null) {
            bus.replyErrorByMessageType(api, argerr("no service configured for API %s", api.getClass().getSimpleName()));
            return;
        }
        try {
            for (ApiMessageInterceptor i : chains.computeIfAbsent(api.getClass(), c -> buildChain(route))) {
                api = i.intercept(api);
            }
        } catch (StopRoutingException e) {
            return;
        } catch (OperationFailureException e) {
            logger.debug("API {} rejected: {}", api.getClass().getSimpleName(), e.getErrorCode());
            bus.replyErrorByMessageType(api, e.getErrorCode());
            return;
        }
        bus.makeLocalServiceId(api, route.serviceId());
        bus.send(api);
    }

    private List<ApiMessageInterceptor> buildChain(ServiceConfig.ApiRoute route) {
        List<GlobalApiMessageInterceptor> globals = new ArrayList<>();
        for (GlobalApiMessageInterceptor g : context.getBeansOfType(GlobalApiMessageInterceptor.class).values()) {
            List<Class<? extends APIMessage>> targets = g.getMessageClassToIntercept();
            if (targets == null || targets.stream().anyMatch(t -> t.isAssignableFrom(route.apiClass()))) {
                globals.add(g);
            }
        }
        globals.sort(Comparator.comparing(GlobalApiMessageInterceptor::getPosition)
                .thenComparing(GlobalApiMessageInterceptor::getPriority));
        List<ApiMessageInterceptor> chain = new ArrayList<>();
        // interceptors named in the service file run in DEFAULT position, after SYSTEM and FRONT ones
        globals.stream().filter(g -> g.getPosition().ordinal() <= GlobalApiMessageInterceptor.InterceptorPosition.FRONT.ordinal())
                .forEach(chain::add);
        for (String bean : route.interceptors()) {
            chain.add(context.getBean(bean, ApiMessageInterceptor.class));
        }
        globals.stream().filter(g -> g.getPosition().ordinal() > GlobalApiMessageInterceptor.InterceptorPosition.FRONT.ordinal())
                .forEach(chain::add);
        return chain;
    }
}
