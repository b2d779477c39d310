package org.zstack.core.boot;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.zstack.core.Platform;
import org.zstack.core.ZStackProperties;
import org.zstack.core.ansible.AnsibleLeftovers;
import org.zstack.core.cloudbus.CloudBusImpl;
import org.zstack.core.cloudbus.InJvmMessageTransport;
import org.zstack.core.config.GlobalConfigFacade;
import org.zstack.core.db.DatabaseBootstrap;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.log.ThirdPartyLogCap;
import org.zstack.core.managementnode.ManagementNodeTracker;
import org.zstack.core.rest.RESTFacadeImpl;
import org.zstack.core.thread.ThreadFacadeImpl;
import org.zstack.header.Component;
import org.zstack.header.Service;
import org.zstack.header.managementnode.ManagementNodeReadyExtensionPoint;
import org.zstack.header.managementnode.ManagementNodeTakeoverExtensionPoint;
import org.zstack.identity.AccountManagerImpl;
import org.zstack.portal.ServiceConfig;
import org.zstack.rest.ConsoleServlet;
import org.zstack.rest.JsonErrorHandler;
import org.zstack.rest.RestRouteTable;
import org.zstack.rest.RestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One management node: the database, the bus, the beans of conf/springConfigXml (through conf/zstack.xml), their
 * start in order, and the REST server on RESTFacade.port (0 picks a free port, for tests).
 */
public class ManagementNode {
    private static final Logger logger = LoggerFactory.getLogger(ManagementNode.class);

    private final ZStackProperties props;
    private final String uuid = Platform.getUuid();
    private DatabaseBootstrap db;
    private ThreadFacadeImpl thdf;
    private CloudBusImpl bus;
    private GenericXmlApplicationContext context;
    private ManagementNodeTracker tracker;
    private Server jetty;
    private final List<Component> started = new ArrayList<>();
    private int port;

    public ManagementNode(ZStackProperties props) {
        this.props = props;
    }

    public synchronized ManagementNode start() {
        long begin = System.currentTimeMillis();
        ThirdPartyLogCap.install();
        DataDirectory.prepare(props.dataDir());
        AnsibleLeftovers.removeAll();
        db = new DatabaseBootstrap(props);
        // the files H2 has just created carry the process's umask
        DataDirectory.tighten(props.dataDir());
        thdf = new ThreadFacadeImpl();
        thdf.submitPeriodicTask(() -> DataDirectory.tighten(props.dataDir()), 60, TimeUnit.SECONDS);
        thdf.submitPeriodicTask(AnsibleLeftovers::removeAll, 600, TimeUnit.SECONDS);
        bus = new CloudBusImpl(uuid, new InJvmMessageTransport());
        tracker = new ManagementNodeTracker(db.getDatabaseFacade(), thdf, uuid, props);

        GenericApplicationContext parent = new GenericApplicationContext();
        parent.getBeanFactory().registerSingleton("zstackProperties", props);
        parent.getBeanFactory().registerSingleton("databaseFacade", db.getDatabaseFacade());
        parent.getBeanFactory().registerSingleton("threadFacade", thdf);
        parent.getBeanFactory().registerSingleton("cloudBus", bus);
        parent.getBeanFactory().registerSingleton("managementNodeTracker", tracker);
        parent.getBeanFactory().registerSingleton("encryptionFacade", new EncryptionFacade(props));
        parent.getBeanFactory().registerSingleton("serviceConfig", new ServiceConfig());
        parent.refresh();

        context = new GenericXmlApplicationContext();
        context.setParent(parent);
        context.load("classpath:zstack.xml");
        context.refresh();

        try {
            // registered (and beating) before it accepts any work, so the others never count its fresh jobs as a dead node's
            tracker.register();
            startComponents();
            startRest();
            tracker.setPort(port);
            for (ManagementNodeReadyExtensionPoint ext : context.getBeansOfType(ManagementNodeReadyExtensionPoint.class).values()) {
                ext.managementNodeReady();
            }
            tracker.watch(context.getBeansOfType(ManagementNodeTakeoverExtensionPoint.class).values());
        } catch (RuntimeException e) {
            // a node that cannot start must not stay registered, beating, with half its components running
            stop();
            throw e;
        }
        logger.info("management node {} started on port {} in {} ms", uuid, port, System.currentTimeMillis() - begin);
        return this;
    }

    private void startComponents() {
        List<Component> components = new ArrayList<>(context.getBeansOfType(Component.class).values());
        // every other component may read global configs in its start()
        components.sort((a, b) -> Boolean.compare(!(a instanceof GlobalConfigFacade), !(b instanceof GlobalConfigFacade)));
        for (Component c : components) {
            if (c instanceof Service s) {
                bus.registerService(s);
            }
        }
        for (Component c : components) {
            if (!c.start()) {
                throw new IllegalStateException("component " + c.getClass().getName() + " failed to start");
            }
            started.add(c);
        }
    }

    private void startRest() {
        RestRouteTable routes = new RestRouteTable(context.getBean(ServiceConfig.class));
        RestServer rest = new RestServer(bus, db.getDatabaseFacade(), thdf, routes, context.getBean(AccountManagerImpl.class));
        context.getBeanFactory().registerSingleton("restServer", rest);
        context.getBeanFactory().registerSingleton("restRouteTable", routes);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(props.get("RESTFacade.hostname", "0.0.0.0"));
        connector.setPort(props.getInt("RESTFacade.port", 8080));
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler("/");
        handler.addServlet(new ServletHolder(rest), "/zstack/*");
        // the web console (module ui), same origin as the API
        handler.addServlet(new ServletHolder(new ConsoleServlet()), "/");
        // Jetty's own error answers (400/413/414/431/500) in ZStack's JSON, at the server and in the servlet context
        jetty.setErrorHandler(new JsonErrorHandler());
        handler.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(handler);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the REST server on port " + connector.getPort(), e);
        }
        port = connector.getLocalPort();
        context.getBean(RESTFacadeImpl.class).attach(rest, port);
    }

    public synchronized void stop() {
        try {
            if (jetty != null) {
                jetty.stop();
            }
        } catch (Exception e) {
            logger.warn("stopping the REST server", e);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                logger.warn("stopping " + started.get(i).getClass().getName(), e);
            }
        }
        started.clear();
        if (tracker != null) {
            tracker.unregister();
        }
        if (bus != null) {
            bus.shutdown();
        }
        if (thdf != null) {
            thdf.shutdown();
        }
        if (context != null) {
            context.close();
        }
        if (db != null) {
            db.close();
        }
        logger.info("management node {} stopped", uuid);
    }

    public int getPort() {
        return port;
    }

    public String getUuid() {
        return uuid;
    }

    public GenericXmlApplicationContext getContext() {
        return context;
    }

    public <T> T getBean(Class<T> clz) {
        return context.getBean(clz);
    }
}
