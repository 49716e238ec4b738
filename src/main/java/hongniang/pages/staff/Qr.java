package hongniang.pages.staff;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as inline SVG: one path of its dark modules, with the quiet zone around them. */
final class Qr {

  private static final int QUIET = 4;

  private Qr() {}

  /** The SVG of the text's QR code, labelled for screen readers. */
  static String svg(String text, String label) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + QUIET * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + QUIET).append(',').append(y + QUIET).append("h1v1h-1z");
        }
      }
    }
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" width=\"180\" height=\"180\" role=\"img\" aria-label=\""
        + escape(label)
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
