package io.greenlight.deployment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether an XML file declares a DOCTYPE. A DTD can name files and URLs for the parser to
 * read into the document (XXE) or expand entities without end; Greenlight accepts no XML
 * with one, and looks for it without processing it: no DTD support, no external entities,
 * nothing resolved, and reading stops at the root element.
 */
final class XmlDoctype {

	private static final XMLInputFactory XML = prologReader();

	private XmlDoctype() {
	}

	static boolean declaredIn(byte[] content) {
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(content));
			try {
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.DTD) {
						return true;
					}
					if (event == XMLStreamConstants.START_ELEMENT) {
						return false;
					}
				}
				return false;
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// not XML, or broken before its root element: the engine's parser says what
			// is
			// wrong, unless the broken part is a DOCTYPE
			return new String(content, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
		}
	}

	private static XMLInputFactory prologReader() {
		// the JDK's own, not whichever StAX implementation the classpath brings
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> InputStream.nullInputStream());
		return factory;
	}

}
