package family.gallery.resize;

import com.drew.metadata.ErrorDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifImageDirectory;
import com.drew.metadata.exif.ExifInteropDirectory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.PanasonicRawIFD0Directory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.exif.makernotes.CanonMakernoteDirectory;
import com.drew.metadata.exif.makernotes.CasioType1MakernoteDirectory;
import com.drew.metadata.exif.makernotes.CasioType2MakernoteDirectory;
import com.drew.metadata.exif.makernotes.DjiMakernoteDirectory;
import com.drew.metadata.exif.makernotes.FujifilmMakernoteDirectory;
import com.drew.metadata.exif.makernotes.KyoceraMakernoteDirectory;
import com.drew.metadata.exif.makernotes.LeicaMakernoteDirectory;
import com.drew.metadata.exif.makernotes.LeicaType5MakernoteDirectory;
import com.drew.metadata.exif.makernotes.NikonType1MakernoteDirectory;
import com.drew.metadata.exif.makernotes.NikonType2MakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusCameraSettingsMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusEquipmentMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusFocusInfoMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusImageProcessingMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusRawDevelopment2MakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusRawDevelopmentMakernoteDirectory;
import com.drew.metadata.exif.makernotes.OlympusRawInfoMakernoteDirectory;
import com.drew.metadata.exif.makernotes.PanasonicMakernoteDirectory;
import com.drew.metadata.exif.makernotes.PentaxMakernoteDirectory;
import com.drew.metadata.exif.makernotes.RicohMakernoteDirectory;
import com.drew.metadata.exif.makernotes.SamsungType2MakernoteDirectory;
import com.drew.metadata.exif.makernotes.SanyoMakernoteDirectory;
import com.drew.metadata.exif.makernotes.SigmaMakernoteDirectory;
import com.drew.metadata.exif.makernotes.SonyType1MakernoteDirectory;
import com.drew.metadata.exif.makernotes.SonyType6MakernoteDirectory;

import io.quarkus.runtime.annotations.RegisterForReflection;

import family.gallery.catalog.PhotoStatus;

/**
 * The classes a native image of this function must be able to create or inspect by name, beyond
 * those Quarkus's extensions register (the handlers' event types, the SDK clients, Java2D and the
 * JDK's own image codecs). ImageIO's readers are registered by hand in DecodedOriginal; the class
 * path resources the function reads are named in application.properties.
 */
final class NativeRegistrations {

    private NativeRegistrations() {
    }

    /** Jackson looks the enum's members up reflectively to write a photo's status into its JSON log line. */
    @RegisterForReflection(targets = PhotoStatus.class)
    static final class JsonLogValues {
    }

    /** Created by metadata-extractor with {@code Class.newInstance()} for each EXIF directory a photo has. */
    @RegisterForReflection(methods = false, fields = false, ignoreNested = true, targets = {
            ErrorDirectory.class, ExifIFD0Directory.class, ExifImageDirectory.class, ExifInteropDirectory.class,
            ExifSubIFDDirectory.class, GpsDirectory.class, PanasonicRawIFD0Directory.class,
            AppleMakernoteDirectory.class, CanonMakernoteDirectory.class, CasioType1MakernoteDirectory.class,
            CasioType2MakernoteDirectory.class, DjiMakernoteDirectory.class, FujifilmMakernoteDirectory.class,
            KyoceraMakernoteDirectory.class, LeicaMakernoteDirectory.class, LeicaType5MakernoteDirectory.class,
            NikonType1MakernoteDirectory.class, NikonType2MakernoteDirectory.class,
            OlympusCameraSettingsMakernoteDirectory.class, OlympusEquipmentMakernoteDirectory.class,
            OlympusFocusInfoMakernoteDirectory.class, OlympusImageProcessingMakernoteDirectory.class,
            OlympusMakernoteDirectory.class, OlympusRawDevelopment2MakernoteDirectory.class,
            OlympusRawDevelopmentMakernoteDirectory.class, OlympusRawInfoMakernoteDirectory.class,
            PanasonicMakernoteDirectory.class, PentaxMakernoteDirectory.class, RicohMakernoteDirectory.class,
            SamsungType2MakernoteDirectory.class, SanyoMakernoteDirectory.class, SigmaMakernoteDirectory.class,
            SonyType1MakernoteDirectory.class, SonyType6MakernoteDirectory.class })
    static final class ExifDirectories {
    }
}
