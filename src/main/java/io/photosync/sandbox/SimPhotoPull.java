package io.photosync.sandbox;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * SharePoint's own photo sync: the person's large photo asked for on the My Site host
 * ({@code /_layouts/15/userphoto.aspx?size=L&accountname=…}) makes SharePoint fetch it from
 * Exchange and rebuild the profile's renditions, as a page with a People web part does. Real
 * SharePoint answers only the person's signed-in browser; the simulator asks for no sign-in.
 */
final class SimPhotoPull {

    static final String PATH = "/_layouts/15/userphoto.aspx";

    private final SimDirectory directory;
    private final SimSharePoint state;
    private final SharePointEndpoint sharePoint;
    private final AtomicInteger pulls = new AtomicInteger();

    SimPhotoPull(SimDirectory directory, SimSharePoint state, SharePointEndpoint sharePoint) {
        this.directory = directory;
        this.state = state;
        this.sharePoint = sharePoint;
    }

    SimResponse serve(SimRequest request) {
        SimUser user = directory.findUser(String.valueOf(request.query().get("accountname")));
        Map<String, String> profile = user == null ? null : state.profile(SimSharePoint.accountName(user.userPrincipalName()));
        if (profile == null) {
            return SimResponse.text(404, "text/plain; charset=utf-8", "404 FILE NOT FOUND");
        }
        SimUser.Photo photo = user.photo();
        if (photo != null && "L".equalsIgnoreCase(request.query().get("size"))) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
                sharePoint.showPicture(profile, user.userPrincipalName(), image);
                pulls.incrementAndGet();
            } catch (IOException e) {
                return SimResponse.text(500, "text/plain; charset=utf-8", "the photo could not be read");
            }
        }
        return photo == null ? SimResponse.bytes("image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'}) : SimResponse.bytes(photo.contentType(), photo.bytes());
    }

    int pulls() {
        return pulls.get();
    }
}
