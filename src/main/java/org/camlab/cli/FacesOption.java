package org.camlab.cli;

import org.camlab.face.FaceDetectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --faces}: which face detector the analysis uses; shared by analyze, check and survey. */
final class FacesOption {
    static final String NAME = "--faces";

    @Option(names = NAME, paramLabel = "DETECTOR", defaultValue = "auto", converter = Converter.class,
            description = "Face detector: auto (BlazeFace if its model is bundled, else Haar cascade), blazeface, "
                    + "cascade, none (default: ${DEFAULT-VALUE}).")
    FaceDetectors.Mode mode;

    FaceDetectors.Mode mode() {
        return mode != null ? mode : FaceDetectors.Mode.AUTO;
    }

    static final class Converter implements CommandLine.ITypeConverter<FaceDetectors.Mode> {
        @Override
        public FaceDetectors.Mode convert(String value) {
            try {
                return FaceDetectors.Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
