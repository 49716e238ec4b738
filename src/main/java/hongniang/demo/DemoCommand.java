package hongniang.demo;

import jakarta.inject.Singleton;

/** Command-line entry of the demo-data generator. */
@Singleton
public class DemoCommand {
  public void run(String[] args) {}
}
