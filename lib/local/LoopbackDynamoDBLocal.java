import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local on one address. It has no option for that (its Jetty connector listens on every interface),
 * so this sets the host (system property dynamodb.local.host, default 127.0.0.1) on the connector before starting.
 * The arguments are DynamoDB Local's own. Used by lib/local/dynamodb.ts.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("dynamodb.local.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    for (Connector c : ((Server) field.get(proxy)).getConnectors()) ((ServerConnector) c).setHost(host);
    proxy.start();
    proxy.join();
  }
}
