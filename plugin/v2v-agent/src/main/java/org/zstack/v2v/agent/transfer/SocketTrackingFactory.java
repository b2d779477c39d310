package org.zstack.v2v.agent.transfer;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the TLS sockets of one disk's downloads and remembers them, so a cancel can close them from another
 * thread. Closing the socket ends a read blocked on it at once; closing the connection's stream instead would
 * wait for that read, as the JDK's HTTP stream serializes read and close.
 */
final class SocketTrackingFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    SocketTrackingFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Closes every socket this factory made; a download on one fails with an IOException. */
    void closeAll() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
            sockets.remove(s);
        }
    }

    private Socket tracked(Socket s) {
        sockets.removeIf(Socket::isClosed);
        sockets.add(s);
        return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return tracked(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return tracked(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return tracked(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tracked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tracked(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tracked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return tracked(delegate.createSocket(address, port, localAddress, localPort));
    }
}
